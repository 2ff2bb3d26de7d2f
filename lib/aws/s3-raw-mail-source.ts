import { GetObjectCommand, NoSuchKey, type S3Client } from '@aws-sdk/client-s3';
import type { RawMailSource } from '../ports.js';

/** SES's S3 action stores the message before the Lambda action runs, but nothing promises it is readable at once. */
const NOT_YET_ATTEMPTS = 5;

/** The stored message is not there, even after waiting for it. */
export class RawMailMissingError extends Error {
  override readonly name = 'RawMailMissingError';
}

/** Raw messages that SES's S3 action stored in the mail bucket. */
export class S3RawMailSource implements RawMailSource {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  async read(key: string): Promise<Buffer> {
    for (let attempt = 1; ; attempt++) {
      try {
        const { Body } = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
        if (!Body) throw new RawMailMissingError(`object ${key} has no body`);
        return Buffer.from(await Body.transformToByteArray());
      } catch (error) {
        if (!(error instanceof NoSuchKey)) throw error;
        if (attempt >= NOT_YET_ATTEMPTS)
          throw new RawMailMissingError(`object ${key} is still missing after ${attempt} reads`, { cause: error });
        await this.wait(100 * 2 ** attempt);
      }
    }
  }
}
