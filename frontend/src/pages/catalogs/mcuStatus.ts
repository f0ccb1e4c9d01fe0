import type { McuStatus } from '../../client';

export const MCU_STATUS_COLOR: Record<McuStatus, string> = { active: 'green', nrnd: 'orange', eol: 'default' };

/** Reads a chosen file as base64 (the import's body carries the file this way). */
export function fileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
