import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, isOfficerInRole } from '@motcua/auth';
import { ApiProblems, Refusal } from '@motcua/errors';
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
  @ApiOperation({
    summary: 'Every message template',
    description:
      'The templates the suite writes its messages from: audience (applicant or officer), channels, subject, body, the SMS form and ' +
      'what each `{placeholder}` means. For officers acting in a role (administrators included): templates hold no personal data, ' +
      'but they are the administration’s wording, which officers answer for. Not paged: the list is short and fixed by the release.',
  })
  @ApiOkResponse({ type: TemplateList, description: 'Every template, by key.' })
  @ApiProblems('TEMPLATE.OFFICERS_ONLY')
  list(@CurrentPrincipal() caller: Principal): TemplateList {
    officersOnly(caller);
    return { items: this.templates.list().map(toTemplateView) };
  }

  @Post(':key/preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A template rendered with the given placeholder values',
    description:
      'Fills a template’s placeholders with the values given and answers the text in each of its forms (email subject and body, SMS), ' +
      'as the applicant or officer would read it. Changes nothing. For officers acting in a role (administrators included). A ' +
      'placeholder the template uses without a value is 422 `TEMPLATE.PLACEHOLDER_MISSING`, each one named in `errors[]`: a ' +
      'half-rendered letter is never shown, nor sent.',
  })
  @ApiParam({ name: 'key', description: 'The template’s key', example: 'dossier.received' })
  @ApiBody({
    type: PreviewTemplateRequest,
    examples: {
      received: {
        summary: 'Thông báo tiếp nhận hồ sơ đăng ký khai sinh',
        value: {
          values: {
            applicantName: 'Nguyễn Thị Hoa',
            dossierCode: '000.00.01.H26-261126-0001',
            receivedAt: '09:05 ngày 26/11/2026',
            procedure: 'Đăng ký khai sinh (1.001193)',
            receivingAgency: 'Sở Tư pháp thành phố Hà Nội',
            appointmentAt: '17:00 ngày 01/12/2026',
            returnMethod: 'nhận trực tiếp tại Bộ phận Một cửa',
            coordinator: 'cán bộ đầu mối Hoàng Ngọc Lan',
            lookupUrl: 'https://dichvucong.hanoi.gov.vn/tra-cuu/000.00.01.H26-261126-0001',
          },
        },
      },
    },
  })
  @ApiOkResponse({ type: TemplatePreview, description: 'The rendered text.' })
  @ApiProblems('TEMPLATE.OFFICERS_ONLY', 'TEMPLATE.NOT_FOUND', 'TEMPLATE.PLACEHOLDER_MISSING')
  preview(@Param('key') key: string, @Body() request: PreviewTemplateRequest, @CurrentPrincipal() caller: Principal): TemplatePreview {
    officersOnly(caller);
    return toTemplatePreview(key, this.templates.preview(key, request.values));
  }
}

/** Templates hold no personal data, but they are the administration's wording: officers (admins included) read them. */
function officersOnly(caller: Principal): void {
  if (!isOfficerInRole(caller)) throw new Refusal('TEMPLATE.OFFICERS_ONLY');
}
