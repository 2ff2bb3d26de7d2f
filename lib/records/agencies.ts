import { domainOf } from '../cases/case.js';

/** Agency names by mail domain, as the deployment names them: `{ "swindon.gov.uk": "Swindon Borough Council" }`. */
export type AgencyDirectory = Readonly<Record<string, string>>;

/**
 * The agency an address belongs to: the name configured for its domain or the nearest parent
 * domain (`nhs.net` covers `x.nhs.net`), else the domain itself, so that nothing is hidden.
 */
export function agencyOf(address: string, agencies: AgencyDirectory): string {
  const domain = address.includes('@') ? domainOf(address) : address.toLowerCase();
  for (let suffix = domain; suffix.includes('.'); suffix = suffix.slice(suffix.indexOf('.') + 1)) {
    const name = agencies[suffix];
    if (name !== undefined) return name;
  }
  return domain;
}
