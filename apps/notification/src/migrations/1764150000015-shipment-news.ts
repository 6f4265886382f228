import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the applicant was told of the post, one row per fact of a shipment (handed over, returned, one failed
 * delivery): postal-delivery may publish a fact again under a new message id (a carrier's repeated callback, a
 * replayed outbox), and the inbox and the (event, template) key only catch a repeat of the same message.
 */
export class ShipmentNews1764150000015 implements MigrationInterface {
  name = 'ShipmentNews1764150000015';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE shipment_news (
        shipment_id uuid NOT NULL,
        fact text NOT NULL,
        dossier_code text NOT NULL,
        -- the shipment's sequence of the event told: an older one arriving after a newer one is not told
        sequence int NOT NULL,
        told_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (shipment_id, fact)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE shipment_news`);
  }
}
