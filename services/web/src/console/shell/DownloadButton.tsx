import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage, problemOf, unwrap } from '../api/console-client';
import { downloadName } from '../api/download-name';

/** What a `consoleApi.GET(…, { parseAs: 'blob' })` call answers, as far as a download needs it. */
interface BlobResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * A file fetched with the staff token (a plain link would carry none) and saved under the server's
 * name (Content-Disposition), else `fallbackName`; a problem is shown in words.
 */
export function DownloadButton({ label, fallbackName, fetchFile }: { label: string; fallbackName: string; fetchFile: () => Promise<BlobResult> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const result = await fetchFile();
      const blob = (await unwrap(result)) as Blob;
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = downloadName(result.response.headers.get('Content-Disposition'), fallbackName);
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      void message.error(problemMessage(problemOf(error), t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button onClick={() => void download()} loading={busy}>
      {label}
    </Button>
  );
}
