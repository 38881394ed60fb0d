import type { ResolvedOrganisation } from '../types.ts';

/**
 * Non-government units named in the table and the responsibility clauses. Used only when the
 * organisations step (lookupOrganisation) does not know a name, so units are never left untyped.
 */
export const UNIT_ORGANISATIONS: readonly ResolvedOrganisation[] = [
  { type: 'Institution', canonical: '深圳证券交易所', aliases: ['深交所'] },
  { type: 'Enterprise', canonical: '中国电信深圳分公司', aliases: ['深圳电信'] },
  { type: 'Enterprise', canonical: '深圳市创新投资集团有限公司', aliases: ['创新投公司', '创新投', '深圳创新投'] },
  { type: 'Institution', canonical: '深圳市创业投资同业公会', aliases: ['创投公会'] },
  { type: 'Enterprise', canonical: '深圳广播电影电视集团', aliases: ['深圳广电集团', '广电集团'] },
  { type: 'Institution', canonical: '深圳软件园管理中心', aliases: ['软件园管理中心'] },
  { type: 'Institution', canonical: '南方科技大学筹备办公室', aliases: ['南方科大筹备办'] },
];
