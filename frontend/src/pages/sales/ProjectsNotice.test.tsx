import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ProjectsNotice } from './ProjectsNotice';

describe('the notice about missing projects', () => {
  it('tells the user to ask the contact salesperson when the customer has no projects', () => {
    render(<ProjectsNotice state="none" contactName="张伟" />);
    expect(screen.getByTestId('orders-no-projects')).toHaveTextContent('该客户还没有项目');
    expect(screen.getByTestId('orders-no-projects')).toHaveTextContent('请联系业务员张伟');
  });

  it('warns when no project has an MCU model yet, and says nothing otherwise', () => {
    const { rerender, container } = render(<ProjectsNotice state="noModel" contactName="张伟" />);
    expect(screen.getByTestId('orders-no-model')).toHaveTextContent('张伟');
    rerender(<ProjectsNotice state="ok" contactName="张伟" />);
    expect(container).toBeEmptyDOMElement();
  });
});
