import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, isOfficerInRole } from '@motcua/auth';
import { Refusal } from '@motcua/errors';
import { PreviewTemplateRequest } from './preview-template.request';
import { TemplateCatalogue } from './template-catalogue';
import { TemplateList, TemplatePreview, toTemplatePreview, toTemplateView } from './template.view';
import { Cacheable } from '@motcua/http';

/** The message templates, for the officers and administrators who answer for what applicants read. */
@ApiTags('templates')
@ApiBearerAuth()
@Controller('api/v1/templates')
export class TemplatesController {
  constructor(private readonly templates: TemplateCatalogue) {}

  @Cacheable({ maxAgeSeconds: 60 })
  @Get()
  @ApiOperation({ summary: 'Every message template: audience, channels, subject, body, SMS form and what each placeholder means.' })
  @ApiOkResponse({ type: TemplateList })
  @ApiForbiddenResponse({ description: 'TEMPLATE.OFFICERS_ONLY: the caller is not an officer acting in a role.' })
  list(@CurrentPrincipal() caller: Principal): TemplateList {
    officersOnly(caller);
    return { items: this.templates.list().map(toTemplateView) };
  }

  @Post(':key/preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'A template rendered with the given placeholder values, in each of its forms.' })
  @ApiOkResponse({ type: TemplatePreview })
  @ApiNotFoundResponse({ description: 'TEMPLATE.NOT_FOUND: no template has this key.' })
  @ApiUnprocessableEntityResponse({ description: 'TEMPLATE.PLACEHOLDER_MISSING: a placeholder the template uses has no value (each one named in errors[]).' })
  preview(@Param('key') key: string, @Body() request: PreviewTemplateRequest, @CurrentPrincipal() caller: Principal): TemplatePreview {
    officersOnly(caller);
    return toTemplatePreview(key, this.templates.preview(key, request.values));
  }
}

/** Templates hold no personal data, but they are the administration's wording: officers (admins included) read them. */
function officersOnly(caller: Principal): void {
  if (!isOfficerInRole(caller)) throw new Refusal('TEMPLATE.OFFICERS_ONLY');
}
