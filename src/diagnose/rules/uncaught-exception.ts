import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'uncaught-exception',
  category: 'app-crash',
  match: [
    {
      in: ['log', 'healthOutput'],
      // A null or undefined dereference is a bug in the code whichever runtime reports it.
      re: /Traceback \(most recent call last\)|Unhandled(?:PromiseRejection| 'error' event| exception)|^panic: |Exception in thread "main"|uncaughtException|Uncaught (?:Exception|Error|TypeError|ReferenceError)\b|^\s*throw err;|Caused by: [\w.$]+(?:Exception|Error)\b|APPLICATION FAILED TO START|TypeError: Cannot read propert(?:y|ies) of (?:undefined|null)|TypeError: (?:[\w.$]+|\(intermediate value\)) is not a function|ReferenceError: [\w$]+ is not defined|AttributeError: '\w+' object has no attribute|NoMethodError: undefined method|undefined method [`'][^`'\s]+' for nil\b|java\.lang\.NullPointerException|nil pointer dereference|^fatal error: (?:concurrent map|all goroutines are asleep)|^\*\* \((?:\w+\.)*\w+Error\)/,
    },
  ],
  cause: '{service} crashed with an unhandled error; the error printed around the stack trace is the cause.',
  fix: 'Read the error in the evidence and fix the failing code path or the input it chokes on; a container health check makes such crashes fail the deployment quickly.',
  confidence: 0.5,
  examples: {
    match: [
      [['log', 'Traceback (most recent call last):']],
      [['log', "events.js:292 throw er; // Unhandled 'error' event"]],
      [['log', "TypeError: Cannot read properties of undefined (reading 'map')"]],
      [['log', "AttributeError: 'NoneType' object has no attribute 'get'"]],
      [['log', "NoMethodError: undefined method `name' for nil:NilClass"]],
      [['log', 'fatal error: concurrent map writes']],
      [['log', '** (ArgumentError) argument error']],
    ],
    noMatch: [[['log', 'handled error, retrying']]],
  },
};
export default rule;
