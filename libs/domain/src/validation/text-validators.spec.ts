import { plainToInstance } from 'class-transformer';
import { IsOptional, validateSync } from 'class-validator';
import { IsFreeText, IsPersonName } from './text-validators';

class OpinionDto {
  @IsPersonName()
  name: unknown;

  @IsFreeText({ maxLength: 200, multiline: true })
  text: unknown;

  @IsOptional()
  @IsFreeText({ maxLength: 20 }, { each: true })
  options?: unknown[];
}

const problems = (dto: object) =>
  validateSync(dto).map(({ property, constraints }) => ({ property, constraints }));

describe('text validators on a DTO', () => {
  it('store the normalised value', () => {
    const dto = plainToInstance(OpinionDto, { name: ' 艾力・买买提 ', text: '第一行\r\n第二行 ', options: [' 是 ', '否'] });
    expect(problems(dto)).toEqual([]);
    expect(dto).toEqual({ name: '艾力·买买提', text: '第一行\n第二行', options: ['是', '否'] });
  });

  it('name the field and the rule, leaving the value as sent', () => {
    const dto = plainToInstance(OpinionDto, { name: '张\u0000三', text: '好😀', options: ['是', '\u202E否'] });
    expect(dto.name).toBe('张\u0000三');
    expect(problems(dto)).toEqual([
      { property: 'name', constraints: { isPersonName: 'name must not contain control characters (NUL, escape, tab and the like)' } },
      { property: 'text', constraints: { isFreeText: 'text must not contain emoji' } },
      { property: 'options', constraints: { isFreeText: expect.stringMatching(/^each of options must not contain bidirectional text controls/) } },
    ]);
  });

  it('refuse what is not text', () => {
    const dto = plainToInstance(OpinionDto, { name: 7, text: ['a'] });
    expect(problems(dto).map((p) => p.constraints)).toEqual([{ isPersonName: 'name must be text' }, { isFreeText: 'text must be text' }]);
  });
});
