// Announcement text written in Markdown, shown safely: react-markdown builds React elements (no
// innerHTML), raw HTML in the text is dropped, and unsafe link targets (javascript:…) are removed.
import { Typography } from 'antd';
import Markdown from 'react-markdown';

export function MarkdownView({ text, testId }: { text: string; testId?: string }) {
  return (
    <Typography className="markdown-view" data-testid={testId}>
      <Markdown
        skipHtml
        components={{
          a: ({ href, children }) => (
            <a href={href} target="_blank" rel="noopener noreferrer">
              {children}
            </a>
          ),
        }}
      >
        {text}
      </Markdown>
    </Typography>
  );
}
