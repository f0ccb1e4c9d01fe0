import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Form, Input } from 'antd';
import { beforeEach, describe, expect, it } from 'vitest';
import { meReadMeQueryKey } from '../client/@tanstack/react-query.gen';
import { DraftNotice } from '../components/DraftNotice';
import { formDraftKey, loadFormDraft } from '../lib/formDraft';
import { useFormDraft } from './useFormDraft';

interface Values {
  name: string;
  password?: string;
}

function DraftedForm({ onSubmitted }: { onSubmitted?: () => void }) {
  const [form] = Form.useForm<Values>();
  const draft = useFormDraft(form, 'register');
  return (
    <>
      <DraftNotice draft={draft} />
      <Form<Values>
        form={form}
        onValuesChange={draft.onValuesChange}
        onFinish={() => {
          draft.clear();
          onSubmitted?.();
        }}
      >
        <Form.Item name="name" label="客户名称">
          <Input />
        </Form.Item>
        <Form.Item name="password" label="密码">
          <Input.Password />
        </Form.Item>
        <button type="submit">提交</button>
      </Form>
    </>
  );
}

function renderAs(userId: number) {
  const queryClient = new QueryClient();
  queryClient.setQueryData(meReadMeQueryKey(), { id: userId, username: `user${userId}` } as never);
  return render(
    <QueryClientProvider client={queryClient}>
      <DraftedForm />
    </QueryClientProvider>,
  );
}

describe('the form draft hook', () => {
  beforeEach(() => localStorage.clear());

  it('keeps typed input across a reload and says it restored a draft', async () => {
    const first = renderAs(3);
    fireEvent.change(screen.getByLabelText('客户名称'), { target: { value: '深圳市新客户' } });
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'never-stored' } });
    first.unmount();

    renderAs(3);
    await waitFor(() => expect(screen.getByLabelText('客户名称')).toHaveValue('深圳市新客户'));
    expect(screen.getByTestId('draft-restored')).toBeInTheDocument();
    expect(screen.getByLabelText('密码')).toHaveValue('');
    expect(localStorage.getItem(formDraftKey(3, 'register'))).not.toContain('never-stored');
  });

  it('shows another user nothing of the draft', async () => {
    const first = renderAs(3);
    fireEvent.change(screen.getByLabelText('客户名称'), { target: { value: '深圳市新客户' } });
    first.unmount();
    renderAs(4);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(screen.getByLabelText('客户名称')).toHaveValue('');
    expect(screen.queryByTestId('draft-restored')).toBeNull();
  });

  it('throws the draft away on discard', async () => {
    const first = renderAs(3);
    fireEvent.change(screen.getByLabelText('客户名称'), { target: { value: '不要了' } });
    first.unmount();
    renderAs(3);
    fireEvent.click(await screen.findByTestId('draft-discard'));
    expect(screen.getByLabelText('客户名称')).toHaveValue('');
    expect(screen.queryByTestId('draft-restored')).toBeNull();
    expect(loadFormDraft(formDraftKey(3, 'register'))).toBeNull();
  });

  it('clears the draft once the form is submitted', async () => {
    renderAs(3);
    fireEvent.change(screen.getByLabelText('客户名称'), { target: { value: '已提交的客户' } });
    expect(loadFormDraft(formDraftKey(3, 'register'))).toEqual({ name: '已提交的客户' });
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(loadFormDraft(formDraftKey(3, 'register'))).toBeNull());
  });
});
