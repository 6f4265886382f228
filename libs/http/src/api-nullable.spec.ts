import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiExtraModels, ApiOkResponse, ApiProperty, ApiSchema, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ApiNullableProperty } from './api-nullable';
import { ResponseContract } from './response-contract';

@ApiSchema({ name: 'Postal' })
class PostalView {
  @ApiProperty() waybill: string;
}

class ShipmentView {
  @ApiNullableProperty(() => PostalView) postal: PostalView | null;
  @ApiProperty({ type: () => PostalView, nullable: true }) nestNullable: PostalView | null;
}

@Controller('shipments')
@ApiExtraModels(PostalView)
class ShipmentsController {
  @Get()
  @ApiOkResponse({ type: ShipmentView })
  one(): ShipmentView {
    return { postal: null, nestNullable: null };
  }
}

@Module({ controllers: [ShipmentsController] })
class ShipmentsModule {}

describe('ApiNullableProperty', () => {
  let contract: ResponseContract;
  beforeAll(async () => {
    const app = await NestFactory.create<NestFastifyApplication>(ShipmentsModule, new FastifyAdapter(), { logger: false });
    contract = new ResponseContract(SwaggerModule.createDocument(app, new DocumentBuilder().build()));
    await app.close();
  });
  const answer = (body: object) => contract.check('GET', '/shipments', 200, 'application/json', JSON.stringify(body));

  it('documents an object of the named schema, or null, as the response check reads it', () => {
    expect(answer({ postal: { waybill: 'EB123456789VN' }, nestNullable: { waybill: 'EB123456789VN' } })).toBeUndefined();
    expect(answer({ postal: null, nestNullable: { waybill: 'EB123456789VN' } })).toBeUndefined();
    expect(answer({ postal: { waybill: 'EB123456789VN', extra: 1 }, nestNullable: { waybill: 'EB123456789VN' } })?.problem).toMatch(/extra/);
    expect(answer({ postal: 'EB123456789VN', nestNullable: { waybill: 'EB123456789VN' } })).toBeDefined();
  });

  it('is needed: `nullable` beside a `$ref` refuses the null it means to allow (OpenAPI 3.0.3)', () => {
    expect(answer({ postal: null, nestNullable: null })?.problem).toMatch(/nestNullable/);
  });
});
