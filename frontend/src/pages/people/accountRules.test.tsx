import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Form, Input } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { translate, type MessageKey, type Params } from '../../locales/i18n';
import { phoneRules, usernameRules } from './accountRules';

const t = (key: MessageKey, params?: Params) => translate('zh-CN', key, params);

function AccountForm({ onFinish }: { onFinish: () => void }) {
  return (
    <Form layout="vertical" onFinish={onFinish}>
      <Form.Item name="username" label="登录名" rules={usernameRules(t)}>
        <Input />
      </Form.Item>
      <Form.Item name="phone" label="电话" rules={phoneRules(t)}>
        <Input />
      </Form.Item>
      <Button htmlType="submit">submit</Button>
    </Form>
  );
}

describe('account field rules', () => {
  it('refuses a login name with a space and a phone with letters', async () => {
    const onFinish = vi.fn();
    render(<AccountForm onFinish={onFinish} />);
    await userEvent.type(screen.getByLabelText('登录名'), 'li lei');
    await userEvent.type(screen.getByLabelText('电话'), '138-abc');
    await userEvent.click(screen.getByRole('button', { name: 'submit' }));
    expect(await screen.findByText('只能包含字母、数字、点、下划线和短横线')).toBeInTheDocument();
    expect(screen.getByText('电话只能包含数字、空格和 + - ( )')).toBeInTheDocument();
    expect(onFinish).not.toHaveBeenCalled();
  });

  it('says a too long phone in words, in every account form', async () => {
    render(<AccountForm onFinish={vi.fn()} />);
    await userEvent.type(screen.getByLabelText('登录名'), 'lilei');
    await userEvent.type(screen.getByLabelText('电话'), '1'.repeat(31));
    await userEvent.click(screen.getByRole('button', { name: 'submit' }));
    expect(await screen.findByText('电话不能超过 30 个字符')).toBeInTheDocument();
  });
});
