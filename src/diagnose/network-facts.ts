/**
 * What a capture may say about where the task runs that makes "no path out" the likely reading of a call that got no
 * answer: a task given no public IP (`assignPublicIp: DISABLED`, ECS's and the consoles' words), subnets with no route
 * out (CDK's `PRIVATE_ISOLATED`, an isolated subnet, no NAT). A private subnet is already in reachability's
 * NETWORK_NAMED.
 */
export const NETWORK_FACTS =
  /assignPublicIp["'\s:=]*DISABLED|AssignPublicIp["'\s:=]*(?:DISABLED|false)|PRIVATE_ISOLATED|\bisolated subnets?\b|\bno (?:public IP|NAT(?: gateway)?)\b|without a public IP/i;
