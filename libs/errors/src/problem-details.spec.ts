import type { ArgumentsHost } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Min, ValidateNested } from 'class-validator';
import { problemType } from './problem-details';
import { ProblemDetailsFilter } from './problem-details.filter';
import { validationPipe } from '@motcua/http';

class DocumentDto {
  @IsString()
  @IsNotEmpty()
  name: string;

  @IsInt()
  @Min(1)
  copies: number;
}

class ApplicantDto {
  @IsString()
  @IsNotEmpty()
  fullName: string;
}

class SubmitDto {
  @ValidateNested()
  @Type(() => ApplicantDto)
  applicant: ApplicantDto;

  @ValidateNested({ each: true })
  @Type(() => DocumentDto)
  documents: DocumentDto[];
}

describe('problem details', () => {
  it('derives one type URI per stable code', () => {
    expect(problemType('DOSSIER.NOT_FOUND')).toBe('https://motcua.vn/problems/dossier-not-found');
    expect(problemType('TASK.ALREADY_OWNED')).toBe('https://motcua.vn/problems/task-already-owned');
  });

  it('names nested and array fields by their full path, one entry per broken constraint', async () => {
    const pipe = validationPipe();
    const failure = await pipe
      .transform(
        {
          applicant: {},
          documents: [
            { name: 'Tờ khai', copies: 1 },
            { name: '', copies: 0 },
          ],
          extra: true,
        },
        { type: 'body', metatype: SubmitDto },
      )
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'REQUEST.INVALID' });
    const fields = (failure as { errors: { field: string; code: string }[] }).errors.map((e) => `${e.field}:${e.code}`);
    expect(fields).toEqual(
      expect.arrayContaining(['applicant.fullName:isNotEmpty', 'documents.1.name:isNotEmpty', 'documents.1.copies:min', 'extra:whitelistValidation']),
    );
    expect(fields.some((f) => f.startsWith('documents.0'))).toBe(false);
  });

  it('leaves errors of message handlers to the transport', () => {
    const filter = new ProblemDetailsFilter({} as HttpAdapterHost);
    const error = new Error('handler failed');
    expect(() => filter.catch(error, { getType: () => 'rpc' } as unknown as ArgumentsHost)).toThrow(error);
  });
});
