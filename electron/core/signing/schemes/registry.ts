/** Every signature scheme by id. Adding one: implement SignatureScheme and list it here and in SCHEME_IDS. */
import { SCHEME_IDS, type SchemeId } from '../../../../shared/contract/signing.js';
import { ValidationError } from '../../../../shared/errors.js';
import { instntRsa } from './instnt-rsa.js';
import { githubHmac, instafillHmac } from './prefixed-hex-hmac.js';
import { standardWebhooks } from './standard-webhooks.js';
import { stripe } from './stripe.js';
import type { SignatureScheme } from './types.js';

const SCHEMES: Readonly<Record<SchemeId, SignatureScheme>> = {
  'instafill-hmac': instafillHmac,
  'instnt-rsa': instntRsa,
  'standard-webhooks': standardWebhooks,
  stripe,
  github: githubHmac,
};

export const isSchemeId = (id: string): id is SchemeId => (SCHEME_IDS as readonly string[]).includes(id);

export function getScheme(id: string): SignatureScheme {
  if (!isSchemeId(id)) {
    throw new ValidationError(`unknown signature scheme "${id}"; use one of ${SCHEME_IDS.join(', ')}`);
  }
  return SCHEMES[id];
}

export const listSchemes = (): SignatureScheme[] => SCHEME_IDS.map((id) => SCHEMES[id]);
