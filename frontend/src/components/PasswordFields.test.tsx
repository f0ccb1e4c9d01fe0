import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Form } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { authPasswordRulesQueryKey } from '../client/@tanstack/react-query.gen';
import { NewPasswordFields } from './PasswordFields';
import { isNameLike, passwordLength } from '../lib/passwordRules';
import { showFieldErrors } from '../lib/serverErrors';
import { ApiError } from '../api';

/** The server's rules as GET /auth/password-rules would answer them (already in the cache). */
function withRules(minLength: number): QueryClient {
  const queryClient = new QueryClient();
  queryClient.setQueryData(authPasswordRulesQueryKey(), { min_length: minLength, max_length: 256 });
  return queryClient;
}

/** A form whose submission the server refuses with `code` and `detail`. */
function Refused({ code, detail }: { code: string; detail: string }) {
  const [form] = Form.useForm();
  return (
    <QueryClientProvider client={withRules(12)}>
      <Form form={form} layout="vertical" onFinish={() => showFieldErrors(form, new ApiError(422, code, detail))}>
        <NewPasswordFields />
        <Button htmlType="submit">submit</Button>
      </Form>
    </QueryClientProvider>
  );
}

function Harness({
  onFinish,
  username,
  minLength = 12,
}: {
  onFinish: (values: unknown) => void;
  username?: string;
  minLength?: number;
}) {
  return (
    <QueryClientProvider client={withRules(minLength)}>
      <Form layout="vertical" onFinish={onFinish}>
        <NewPasswordFields username={username} />
        <Button htmlType="submit">submit</Button>
      </Form>
    </QueryClientProvider>
  );
}

// Pasting sets the field in one input event; typing per character re-validates the form at every
// key and made these tests slow enough to time out on a busy machine.
async function fill(label: string, text: string): Promise<void> {
  await userEvent.click(screen.getByLabelText(label));
  await userEvent.paste(text);
}

describe('new password + confirmation', () => {
  it('refuses a confirmation that does not match', async () => {
    const onFinish = vi.fn();
    render(<Harness onFinish={onFinish} />);
    await fill('新密码', 'a long enough passphrase');
    await fill('确认新密码', 'a long enough passphrasf');
    await userEvent.click(screen.getByRole('button', { name: 'submit' }));
    expect(await screen.findByText('两次输入的密码不一致')).toBeInTheDocument();
    expect(onFinish).not.toHaveBeenCalled();
  });

  it('refuses a password shorter than 12 characters', async () => {
    const onFinish = vi.fn();
    render(<Harness onFinish={onFinish} />);
    await fill('新密码', 'short-pw');
    await fill('确认新密码', 'short-pw');
    await userEvent.click(screen.getByRole('button', { name: 'submit' }));
    expect(await screen.findByText('密码至少需要 12 个字符')).toBeInTheDocument();
    expect(onFinish).not.toHaveBeenCalled();
  });

  it('refuses the login name plus a few characters as password', async () => {
    const onFinish = vi.fn();
    render(<Harness onFinish={onFinish} username="zhang.wei.sales" />);
    await fill('新密码', 'Zhang.Wei.Sales.26');
    await fill('确认新密码', 'Zhang.Wei.Sales.26');
    await userEvent.click(screen.getByRole('button', { name: 'submit' }));
    expect(await screen.findByText('密码不能是登录名再加几个字符')).toBeInTheDocument();
    expect(onFinish).not.toHaveBeenCalled();
  });

  it('accepts a long password typed twice, without composition rules', async () => {
    const onFinish = vi.fn();
    render(<Harness onFinish={onFinish} username="li.ming" />);
    await fill('新密码', 'all lower case words');
    await fill('确认新密码', 'all lower case words');
    await userEvent.click(screen.getByRole('button', { name: 'submit' }));
    await waitFor(() =>
      expect(onFinish).toHaveBeenCalledWith({ new_password: 'all lower case words', confirm_password: 'all lower case words' }),
    );
  });

  it('follows the minimum length the server sets', async () => {
    const onFinish = vi.fn();
    render(<Harness onFinish={onFinish} minLength={16} />);
    expect(screen.getByTestId('password-rules')).toHaveTextContent('至少 16 个字符');
    await fill('新密码', 'fifteen chars!!');
    await fill('确认新密码', 'fifteen chars!!');
    await userEvent.click(screen.getByRole('button', { name: 'submit' }));
    expect(await screen.findByText('密码至少需要 16 个字符')).toBeInTheDocument();
    expect(onFinish).not.toHaveBeenCalled();
  });

  it('shows the rules beside the field', () => {
    render(<Harness onFinish={vi.fn()} username="li.ming" />);
    const rules = screen.getByTestId('password-rules');
    expect(rules).toHaveTextContent('至少 12 个字符');
    expect(rules).toHaveTextContent('不能是常见密码');
    expect(rules).toHaveTextContent('重复的词');
    expect(rules).toHaveTextContent('不能是登录名、姓名或邮箱名再加几个字符');
  });
});

describe('the server refusing a new password', () => {
  it.each([
    ['password_repeated', '密码不能是同一个词的重复（加上数字也不行），请换一个。'],
    ['password_contains_name', '密码不能是登录名、姓名或邮箱名再加几个字符，请换一个。'],
    ['password_demo', '这是公开的演示密码，不能使用，请换一个。'],
  ])('shows %s under the new password', async (code, detail) => {
    render(<Refused code={code} detail={detail} />);
    await fill('新密码', 'a long enough passphrase');
    await fill('确认新密码', 'a long enough passphrase');
    await userEvent.click(screen.getByRole('button', { name: 'submit' }));
    expect(await screen.findByText(detail)).toBeInTheDocument();
  });
});

describe('password rule helpers', () => {
  it('counts characters, not bytes', () => {
    expect(passwordLength('密码密码密码密码密码密码')).toBe(12);
  });

  it('finds the login name without case or separators, with fewer than six other characters', () => {
    expect(isNameLike(' A.Admin ', 'a.admin')).toBe(true);
    expect(isNameLike('aadmin2026!', 'a.admin')).toBe(true);
    expect(isNameLike('A-ADMIN-12345', 'a.admin')).toBe(false); // seven others
    expect(isNameLike('my a.admin account', 'a.admin')).toBe(false);
    expect(isNameLike('anything at all', undefined)).toBe(false);
  });
});
