import { IsUrl } from 'class-validator';

/** What the applicants' messages need to know of the world (validated at start). */
export class ApplicantEnvironment {
  /**
   * Where an applicant looks their dossier up, without the code (appended). By default intake's citizen lookup
   * through the gateway (`GET /api/v1/dossiers/:code` with the receipt's secret in `X-Lookup-Secret`); in production
   * the public portal's lookup page.
   */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  NOTIFICATION_LOOKUP_URL = 'http://localhost:8080/intake/api/v1/dossiers';
}
