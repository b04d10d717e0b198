import type { FieldCipher } from '@openday/platform';
import type { MessageContent } from '../templates/message-params';

/** A message's params as stored: encrypted, since they hold sign-in codes, check-in codes and answers to a person. */
export interface SealedParams {
  sealed: string;
}

const CONTEXT = 'message-params';

export function sealParams(cipher: FieldCipher, params: MessageContent['params']): SealedParams {
  return { sealed: cipher.encrypt(JSON.stringify(params), CONTEXT) };
}

export function openParams(cipher: FieldCipher, stored: SealedParams): MessageContent['params'] {
  return JSON.parse(cipher.decrypt(stored.sealed, CONTEXT)) as MessageContent['params'];
}
