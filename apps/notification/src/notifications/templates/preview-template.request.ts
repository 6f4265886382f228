import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';

/**
 * The values to fill a template's placeholders with. Values, not a sample event: a preview shows the text an
 * operator reads, and the values are what the rules put in it; a sample event would also exercise the rules, which
 * their unit tests do.
 */
export class PreviewTemplateRequest {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { dossierCode: '000.00.01.H26-261126-0001', applicantName: 'Nguyễn Thị Hoa' },
    description: 'A value for each placeholder the template uses, by name.',
  })
  @ValidateBy({
    name: 'isStringMap',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string'),
      defaultMessage: () => 'values must be an object whose every value is a string',
    },
  })
  values: Record<string, string>;
}
