import { App, type FormInstance } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { isApiError, reportError } from '../../api';
import type { AliasIn, ConflictCandidate } from '../../client';
import { registrationsApplyMutation } from '../../client/@tanstack/react-query.gen';
import { candidatesOfError } from '../../lib/candidates';
import { DETAIL_FIELD_MAP, detailsBody, type CustomerDetailValues } from '../../lib/customerForm';
import { invalidateOperations } from '../../lib/queries';
import { showFieldErrors } from '../../lib/serverErrors';
import { useT } from '../../locales/i18n';
import { nameHints } from './checkAlert';

export interface RegisterValues extends CustomerDetailValues {
  name: string;
  contact_user_id?: number;
  note?: string;
  english_name?: string;
  short_name?: string;
  former_names?: string[];
}

/** The other names typed beside the official one, each checked by the server like the name. */
export function aliasesBody(values: Pick<RegisterValues, 'english_name' | 'short_name' | 'former_names'>): AliasIn[] {
  const typed: AliasIn[] = [
    { kind: 'english', name: values.english_name ?? '' },
    { kind: 'short', name: values.short_name ?? '' },
    ...(values.former_names ?? []).map((name): AliasIn => ({ kind: 'former', name })),
  ];
  return typed.map((alias) => ({ ...alias, name: alias.name.trim() })).filter((alias) => alias.name !== '');
}

/** Refused as already registered: the name and the candidates the server named. */
export interface Refusal {
  name: string;
  candidates: ConflictCandidate[];
}

/** Submit a registration; 409 and 422 answers land on the form, success goes home. */
export function useRegister(form: FormInstance<RegisterValues>, onSubmitted: () => void = () => undefined) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const apply = useMutation({
    ...registrationsApplyMutation(),
    meta: { silent: true },
    onSuccess: (registration) => {
      onSubmitted(); // the draft is done with
      void invalidateOperations(queryClient, 'customersListCustomers', 'registrationsListRegistrations');
      const hints = nameHints(registration.warnings).map((key) => t(key));
      void message.success({ content: [t('register.submitted', { name: registration.customer.name }), ...hints].join(' '), duration: 5 });
      navigate('/');
    },
    onError: (error, variables) => {
      if (isApiError(error) && error.code === 'registration_blocked') {
        setRefusal({ name: variables.body.name, candidates: candidatesOfError(error) });
      }
      if (!showFieldErrors(form, error, DETAIL_FIELD_MAP)) reportError(error);
    },
  });
  const submit = (values: RegisterValues) => {
    setRefusal(null);
    apply.mutate({
      body: {
        ...detailsBody(values),
        name: values.name.trim(),
        contact_user_id: values.contact_user_id ?? null,
        note: (values.note ?? '').trim(),
        aliases: aliasesBody(values),
      },
    });
  };
  return { submit, submitting: apply.isPending, refusal };
}
