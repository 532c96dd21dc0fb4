import {
  BatchGetImageCommand,
  ECRClient,
  GetDownloadUrlForLayerCommand,
  type BatchGetImageCommandInput,
  type BatchGetImageCommandOutput,
  type GetDownloadUrlForLayerCommandInput,
  type GetDownloadUrlForLayerCommandOutput,
} from '@aws-sdk/client-ecr';
import { preflightConfig } from './client-config.js';

/** The ECR reads the ecr-images check makes: the same two a task's image pull needs (ecr:BatchGetImage and ecr:GetDownloadUrlForLayer). */
export interface EcrApi {
  batchGetImage(i: BatchGetImageCommandInput): Promise<BatchGetImageCommandOutput>;
  getDownloadUrlForLayer(i: GetDownloadUrlForLayerCommandInput): Promise<GetDownloadUrlForLayerCommandOutput>;
  destroy(): void;
}

/** One client per registry region: the region is part of the image URI, not necessarily the stack's. */
export function createEcrClient(region: string): EcrApi {
  const ecr = new ECRClient(preflightConfig(region));
  return {
    batchGetImage: (i) => ecr.send(new BatchGetImageCommand(i)),
    getDownloadUrlForLayer: (i) => ecr.send(new GetDownloadUrlForLayerCommand(i)),
    destroy: () => ecr.destroy(),
  };
}
