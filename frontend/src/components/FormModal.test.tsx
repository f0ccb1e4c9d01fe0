import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Form, Input } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import { FormModal } from './FormModal';

interface Values {
  name: string;
  admin?: { username: string };
}

/** A dialog with a required name (and a nested login name), whose save answers with `answer`. */
function Harness({
  answer,
  onSubmit = vi.fn(),
  fieldMap,
}: {
  answer?: ApiError;
  onSubmit?: (values: Values) => void;
  fieldMap?: Record<string, NamePath>;
}) {
  const [form] = Form.useForm<Values>();
  return (
    <FormModal<Values>
      form={form}
      open
      title="New thing"
      okTestId="thing-ok"
      onSubmit={(values, onError) => {
        onSubmit(values);
        if (answer) onError(answer);
      }}
      onCancel={() => undefined}
      fieldMap={fieldMap}
      submitOnEnter
    >
      <Form.Item name="name" label="Name" rules={[{ required: true, message: 'Name is required' }]}>
        <Input />
      </Form.Item>
      <Form.Item name={['admin', 'username']} label="Login">
        <Input />
      </Form.Item>
    </FormModal>
  );
}

describe('form dialog', () => {
  it('submits the validated values with the OK button', async () => {
    const onSubmit = vi.fn();
    render(<Harness onSubmit={onSubmit} />);
    await userEvent.click(screen.getByTestId('thing-ok'));
    expect(await screen.findByText('Name is required')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();

    await userEvent.type(screen.getByLabelText('Name'), 'Acme');
    await userEvent.click(screen.getByTestId('thing-ok'));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ name: 'Acme' })));
  });

  it('submits on Enter in a field when asked to', async () => {
    const onSubmit = vi.fn();
    render(<Harness onSubmit={onSubmit} />);
    await userEvent.type(screen.getByLabelText('Name'), 'Acme{Enter}');
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ name: 'Acme' })));
  });

  it('never submits on Enter unless asked to, even with a single field', async () => {
    const onSubmit = vi.fn();
    function OneField() {
      const [form] = Form.useForm<{ day: string }>();
      return (
        <FormModal<{ day: string }> form={form} open title="Pick a day" onSubmit={onSubmit} onCancel={() => undefined}>
          <Form.Item name="day" label="Day">
            <Input />
          </Form.Item>
        </FormModal>
      );
    }
    render(<OneField />);
    await userEvent.type(screen.getByLabelText('Day'), '2030-01-15{Enter}');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('puts a 422 field error from the server on that field', async () => {
    const refused = new ApiError(422, 'validation_error', 'Invalid input', [{ field: 'name', message: 'Too similar to another name' }]);
    render(<Harness answer={refused} />);
    await userEvent.type(screen.getByLabelText('Name'), 'Acme');
    await userEvent.click(screen.getByTestId('thing-ok'));
    expect(await screen.findByText('Too similar to another name')).toBeInTheDocument();
  });

  it('puts a refusal by code on the field it is about, renamed where the form nests it', async () => {
    const taken = new ApiError(409, 'username_taken', 'This login name is taken');
    render(<Harness answer={taken} fieldMap={{ username: ['admin', 'username'] }} />);
    await userEvent.type(screen.getByLabelText('Name'), 'Acme');
    await userEvent.type(screen.getByLabelText('Login'), 'acme');
    await userEvent.click(screen.getByTestId('thing-ok'));
    const message = await screen.findByText('This login name is taken');
    // The message stands under the login field, not the name field.
    expect(message.closest('.ant-form-item')).toContainElement(screen.getByLabelText('Login'));
  });

  it('reports a refusal that concerns no field the usual way', async () => {
    const shown = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const closed = new ApiError(409, 'agent_inactive_elsewhere', 'The agent is closed');
    render(<Harness answer={closed} />);
    await userEvent.type(screen.getByLabelText('Name'), 'Acme');
    await userEvent.click(screen.getByTestId('thing-ok'));
    await waitFor(() => expect(shown).toHaveBeenCalledWith('The agent is closed', closed));
    expect(screen.queryByText('The agent is closed')).not.toBeInTheDocument();
    shown.mockRestore();
  });
});
