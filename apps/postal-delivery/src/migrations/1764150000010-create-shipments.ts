import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateShipments1764150000010 implements MigrationInterface {
  name = 'CreateShipments1764150000010';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE shipment (
        id uuid PRIMARY KEY,
        dossier_code text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('pick_up', 'delivery')),
        status text NOT NULL CHECK (status IN ('created', 'picked_up', 'in_transit', 'delivered', 'failed', 'cancelled', 'returned_to_sender')),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX shipment_dossier_page ON shipment (dossier_code, created_at, id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE shipment`);
  }
}
