import { describe, expect, it } from 'vitest';
import { aliasesBody } from './useRegister';

describe('the other names sent with a registration', () => {
  it('sends each typed name with its kind, trimmed, in the order of the form', () => {
    expect(
      aliasesBody({ english_name: ' Shenzhen Hongtu Co., Ltd. ', short_name: '宏图', former_names: ['深圳宏图电子有限公司'] }),
    ).toEqual([
      { kind: 'english', name: 'Shenzhen Hongtu Co., Ltd.' },
      { kind: 'short', name: '宏图' },
      { kind: 'former', name: '深圳宏图电子有限公司' },
    ]);
  });

  it('leaves out fields left empty or blank, and sends nothing when none was typed', () => {
    expect(aliasesBody({ english_name: '   ', former_names: ['', '旧名有限公司'] })).toEqual([{ kind: 'former', name: '旧名有限公司' }]);
    expect(aliasesBody({})).toEqual([]);
  });
});
