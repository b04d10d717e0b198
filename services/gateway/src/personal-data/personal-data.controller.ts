import { Body, Controller, Delete, Get, Header, HttpCode, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Actor } from '@openday/contracts';
import { Access } from '../access/access.decorator';
import { CurrentActor } from '../access/current-actor';
import type { ErasureAnswer } from './erasure-answer';
import { ErasureAnswerDto, ErasureInput, PersonalDataAccessListDto, PersonalDataDocumentDto } from './personal-data.dto';
import { PersonalDataService, type PersonalDataAccessEntry } from './personal-data.service';

/** A signed-in citizen's rights over their personal data. Citizens only, each their own (no id in the path to get wrong). */
@ApiTags('personal data')
@Controller('api/v1/me/personal-data')
@Access('citizen')
export class PersonalDataController {
  constructor(private readonly personalData: PersonalDataService) {}

  @Get()
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({
    summary: 'Download everything the platform holds about you, as JSON (an attachment)',
    description: 'Your account, your applications and their people, screening and selection, tickets and check-in, messages, opinions and survey answers, decrypted, and which agency read your data.',
  })
  @ApiProduces('application/json')
  @ApiOkResponse({ type: PersonalDataDocumentDto, description: 'The JSON file, as an attachment.' })
  async download(@CurrentActor() actor: Actor): Promise<StreamableFile> {
    const document = await this.personalData.export(actor);
    return new StreamableFile(Buffer.from(JSON.stringify(document, null, 2), 'utf8'), {
      type: 'application/json; charset=utf-8',
      disposition: `attachment; filename="openday-personal-data-${document.exportedAt.slice(0, 10)}.json"`,
    });
  }

  @Get('access')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'Which agency read your personal data, when, and which list (never who by name), newest first' })
  @ApiOkResponse({ type: PersonalDataAccessListDto })
  async access(@CurrentActor() actor: Actor): Promise<{ items: PersonalDataAccessEntry[] }> {
    return { items: await this.personalData.access(actor) };
  }

  @Delete()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Erase your account and applications, confirmed with the last 4 digits of your mobile number',
    description:
      'The answer says in words (zh-CN and en) what was erased and what had to be kept and why: an open day not yet ended keeps your application until it ends (then retention erases it); the audit log is kept by law.',
  })
  @ApiBody({ type: ErasureInput })
  @ApiOkResponse({ type: ErasureAnswerDto })
  @ApiUnprocessableEntityResponse({ description: 'mobileLast4 does not match the account’s mobile number; nothing was erased (problem+json).' })
  erase(@Body() input: ErasureInput, @CurrentActor() actor: Actor): Promise<ErasureAnswer> {
    return this.personalData.erase(actor, input.mobileLast4);
  }
}
