import { Modal, type ModalProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A dialog: Mantine's Modal with its close button named in the reader's language (Mantine leaves
 * the × without a name, which axe counts as a serious violation). Every dialog of the app is one.
 */
export function Dialog(props: ModalProps) {
  const { t } = useTranslation();
  return <Modal {...props} closeButtonProps={{ 'aria-label': t('close'), ...props.closeButtonProps }} />;
}
