import { IsInt, Min } from 'class-validator';

/** How a catalogue replica keeps current: read once at start, through `readEnvironment`. */
export class CatalogueReplicaEnvironment {
  /** How often a replica re-reads the table for changes another instance of the service applied. */
  @IsInt()
  @Min(1)
  CATALOGUE_REFRESH_MS: number = 2_000;

  /** How often a service whose replica is still empty asks again (workflow may not have run yet). */
  @IsInt()
  @Min(1)
  CATALOGUE_RESYNC_RETRY_MS: number = 5_000;
}
