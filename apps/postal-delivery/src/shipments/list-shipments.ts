import { HttpStatus, Injectable } from '@nestjs/common';
import { ProblemDetailsException } from '@motcua/observability';
import { decodeCursor, InvalidCursor, toPage } from '@motcua/persistence';
import { DataSource } from 'typeorm';
import { Shipment } from './shipment.entity';
import { type ShipmentPage, toShipmentView } from './shipment.view';

export interface ListShipmentsInput {
  readonly dossierCode: string;
  readonly limit: number;
  readonly cursor?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Query: a dossier's shipments, oldest first, one keyset page at a time, ordered by (createdAt, id). */
@Injectable()
export class ListShipments {
  constructor(private readonly dataSource: DataSource) {}

  async execute(input: ListShipmentsInput): Promise<ShipmentPage> {
    const query = this.dataSource
      .getRepository(Shipment)
      .createQueryBuilder('shipment')
      .where('shipment.dossierCode = :dossierCode', { dossierCode: input.dossierCode })
      .orderBy('shipment.createdAt', 'ASC')
      .addOrderBy('shipment.id', 'ASC')
      .limit(input.limit + 1);
    if (input.cursor !== undefined) {
      const after = afterPosition(input.cursor);
      query.andWhere('(shipment.createdAt, shipment.id) > (:afterCreatedAt, :afterId)', {
        afterCreatedAt: after.createdAt,
        afterId: after.id,
      });
    }
    // created_at has millisecond precision (timestamptz(3)), so the ISO string in the cursor is exact.
    const page = toPage(await query.getMany(), input.limit, (row) => [row.createdAt.toISOString(), row.id]);
    return { items: page.items.map(toShipmentView), nextCursor: page.nextCursor };
  }
}

function afterPosition(cursor: string): { createdAt: Date; id: string } {
  try {
    const [createdAt, id] = decodeCursor(cursor, 2);
    const instant = new Date(createdAt);
    if (typeof createdAt === 'string' && typeof id === 'string' && UUID.test(id) && !Number.isNaN(instant.getTime())) {
      return { createdAt: instant, id };
    }
  } catch (error) {
    if (!(error instanceof InvalidCursor)) throw error;
  }
  throw new ProblemDetailsException({
    status: HttpStatus.BAD_REQUEST,
    code: 'REQUEST.INVALID_CURSOR',
    title: 'Invalid cursor',
    errors: [{ field: 'cursor', code: 'INVALID_CURSOR', message: 'pass the nextCursor of a previous page unchanged' }],
  });
}
