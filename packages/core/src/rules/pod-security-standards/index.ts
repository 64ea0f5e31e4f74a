/** The rules of category `pod-security-standards`: one per upstream Pod Security Admission check. */
export { PSS_RULES } from './pss-rule';
