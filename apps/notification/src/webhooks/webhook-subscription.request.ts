import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGENCY_CODE_PATTERN } from '@motcua/contracts';
import { PageRequest } from '@motcua/persistence';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { WEBHOOK_EVENT_TYPES } from './webhook-events';
import { WEBHOOK_URL_MAX_LENGTH } from './subscription-rules';

export class CreateWebhookSubscriptionRequest {
  @ApiProperty({ example: '000.00.01.H26', description: 'The agency whose dossier events it receives.' })
  @Matches(AGENCY_CODE_PATTERN, { message: 'agencyCode must be an agency code (digits, A–Z and dots)' })
  agencyCode: string;

  @ApiProperty({ example: 'https://doi-tac.example.vn/motcua/webhook', description: 'https (plain http to 127.0.0.1/localhost in development only).' })
  @IsString()
  // longer than the rule allows, so the rule names the field with its own code
  @MaxLength(WEBHOOK_URL_MAX_LENGTH * 2)
  url: string;

  @ApiPropertyOptional({ type: [String], enum: [...WEBHOOK_EVENT_TYPES], description: 'The event types wanted; omitted or empty: all.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  events?: string[];
}

export class ListWebhookSubscriptionsRequest extends PageRequest {
  @ApiPropertyOptional({ example: '000.00.01.H26', description: "Only this agency's subscriptions." })
  @IsOptional()
  @Matches(AGENCY_CODE_PATTERN, { message: 'agencyCode must be an agency code (digits, A–Z and dots)' })
  agencyCode?: string;
}
