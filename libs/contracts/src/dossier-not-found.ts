import { Refusal } from '@motcua/errors';

/**
 * `DOSSIER.NOT_FOUND` (404), in intake and workflow alike: no dossier with this code that the caller may see, or act
 * on. A dossier the caller may not reach is not told apart from one that does not exist: that it exists is itself
 * not theirs to know.
 */
export const dossierNotFound = (code: string, may: 'see' | 'act on') => new Refusal('DOSSIER.NOT_FOUND', `No dossier ${code} that you may ${may}`);
