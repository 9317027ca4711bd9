import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorText, problemMessage } from '../../i18n/server-messages';
import { notifySuccess } from '../../ui/notify';

/** The state of the mutation behind the act (a TanStack Query mutation fits). */
interface ActState {
  isPending: boolean;
  /** The last refusal (problem+json), shown next to the confirm button. */
  error: unknown;
  reset: () => void;
}

export interface ReasonActionProps {
  /** The button that opens the dialog, and its accessible name when the label alone is ambiguous in a list. */
  label: string;
  ariaLabel?: string;
  title: string;
  /** What happens, in one or two sentences, before the person confirms. */
  explain: string;
  reasonLabel: string;
  reasonHint?: string;
  /** A reason is required (removals); otherwise it is an optional note (withdrawals). */
  reasonRequired: boolean;
  confirmLabel: string;
  act: ActState;
  /** Said once the act succeeded (the control may be gone by then: a removed member's row, a withdrawn nomination's buttons). */
  doneMessage: string;
  /** Runs the act (a mutation's `mutateAsync`); a refusal stays in `act.error`, shown in the dialog. */
  onConfirm: (reason: string | undefined) => Promise<unknown>;
}

/**
 * A recorded act of governance behind a confirm dialog: the button, then what the act does, the
 * reason kept on the record, and why the API refused it, if it did, next to the confirm button.
 */
export function ReasonAction(p: ReasonActionProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const open = () => {
    p.act.reset();
    setReason('');
    setMissing(false);
    setOpened(true);
  };
  const close = () => setOpened(false);
  return (
    <>
      <Button variant="subtle" color="red" size="compact-xs" aria-label={p.ariaLabel} onClick={open}>
        {p.label}
      </Button>
      <Modal opened={opened} onClose={close} title={p.title} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack gap="sm">
          <Text size="sm">{p.explain}</Text>
          <Textarea
            label={p.reasonLabel}
            description={p.reasonHint ?? (p.reasonRequired ? undefined : t('common.optional'))}
            required={p.reasonRequired}
            autosize
            minRows={2}
            maxLength={2000}
            value={reason}
            error={missing ? fieldErrorText(t, 'required') : undefined}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setMissing(false);
            }}
          />
          {p.act.error ? (
            <Alert color="red" role="alert" data-testid="dialog-error">
              {problemMessage(t, p.act.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red.9"
              loading={p.act.isPending}
              onClick={() => {
                const text = reason.trim();
                if (p.reasonRequired && !text) return setMissing(true);
                p.onConfirm(text || undefined).then(
                  () => {
                    close();
                    notifySuccess(t, p.doneMessage);
                  },
                  () => undefined,
                );
              }}
            >
              {p.confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
