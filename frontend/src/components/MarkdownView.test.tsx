import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MarkdownView } from './MarkdownView';

describe('MarkdownView: announcement text rendered safely', () => {
  it('renders Markdown emphasis, lists and links', () => {
    const { container } = render(<MarkdownView text={'**重要**\n\n- 第一条\n- 第二条\n\n[手册](https://example.com)'} />);
    expect(container.querySelector('strong')?.textContent).toBe('重要');
    expect(container.querySelectorAll('li')).toHaveLength(2);
    const link = container.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.com');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('never injects raw HTML from the text', () => {
    const { container } = render(
      <MarkdownView text={'<img src=x onerror="alert(1)"><script>alert(2)</script>\n\n<b>粗体</b> 正文'} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.innerHTML).not.toContain('onerror');
    expect(container.textContent).toContain('正文');
  });

  it('drops javascript: link targets', () => {
    const { container } = render(<MarkdownView text={'[点我](javascript:alert(1))'} />);
    expect(container.querySelector('a')?.getAttribute('href') ?? '').not.toContain('javascript');
  });
});
