import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The postal channel on the dossier (Decision 45/2016): the address a result returned by post goes to, the waybill
 * of the pick-up a dossier came by (channel 3), and the result's shipment beside the national status (its waybill,
 * state, the shipment's sequence applied and when the state last changed). The checks hold what intake refuses at
 * receipt: an address only with a post return, a pick-up waybill only on channel 3 (dossiers received before keep
 * none; a post return of theirs has no address, so "post ⇒ address" is the use case's rule, not the table's).
 */
export class Postal1764150000032 implements MigrationInterface {
  name = 'Postal1764150000032';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE dossier
         ADD COLUMN delivery_address jsonb,
         ADD COLUMN pickup_waybill text,
         ADD COLUMN postal_shipment_id uuid,
         ADD COLUMN postal_waybill text,
         ADD COLUMN postal_state text,
         ADD COLUMN postal_sequence integer NOT NULL DEFAULT 0,
         ADD COLUMN postal_updated_at timestamptz,
         ADD CONSTRAINT dossier_delivery_address_by_post CHECK (delivery_address IS NULL OR return_method = 'post'),
         ADD CONSTRAINT dossier_pickup_waybill_by_post CHECK (pickup_waybill IS NULL OR channel = 3)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE dossier
         DROP CONSTRAINT dossier_pickup_waybill_by_post,
         DROP CONSTRAINT dossier_delivery_address_by_post,
         DROP COLUMN postal_updated_at,
         DROP COLUMN postal_sequence,
         DROP COLUMN postal_state,
         DROP COLUMN postal_waybill,
         DROP COLUMN postal_shipment_id,
         DROP COLUMN pickup_waybill,
         DROP COLUMN delivery_address`,
    );
  }
}
