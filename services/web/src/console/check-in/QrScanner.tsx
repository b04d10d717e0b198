import { BrowserQRCodeReader, type IScannerControls } from '@zxing/browser';
import { Alert, Button } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cameraProblemOf, type CameraProblem } from './camera-problem';

/**
 * The device camera reading a ticket's QR code (@zxing/browser, loaded only on this page and
 * only when asked for). The back camera first; each failure said in words; typing still works.
 */
export default function QrScanner({ onScan, onClose }: { onScan: (text: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<CameraProblem | null>(null);
  const [running, setRunning] = useState(false);
  const onScanRef = useRef(onScan);
  useEffect(() => {
    onScanRef.current = onScan;
  }, [onScan]);

  useEffect(() => {
    let controls: IScannerControls | undefined;
    let stopped = false;
    const context = { secure: window.isSecureContext, hasMediaDevices: Boolean(navigator.mediaDevices?.getUserMedia) };
    if (!context.secure || !context.hasMediaDevices) {
      queueMicrotask(() => setProblem(cameraProblemOf(undefined, context)));
      return;
    }
    const reader = new BrowserQRCodeReader(undefined, { delayBetweenScanAttempts: 150 });
    reader
      .decodeFromConstraints({ video: { facingMode: 'environment' } }, video.current ?? undefined, (result) => {
        if (result && !stopped) onScanRef.current(result.getText());
      })
      .then((started) => {
        if (stopped) started.stop();
        else {
          controls = started;
          setRunning(true);
        }
      })
      .catch((error: unknown) => {
        if (!stopped) setProblem(cameraProblemOf(error, context));
      });
    return () => {
      stopped = true;
      controls?.stop();
    };
  }, []);

  return (
    <div className="console-scanner">
      {problem ? (
        <Alert type="warning" showIcon role="alert" title={t(`console.checkIn.camera.${problem}`)} description={t('console.checkIn.camera.typeInstead')} />
      ) : (
        <p role="status" aria-live="polite">
          {running ? t('console.checkIn.camera.pointAtCode') : t('console.checkIn.camera.starting')}
        </p>
      )}
      <video ref={video} muted playsInline aria-label={t('console.checkIn.camera.preview')} hidden={problem !== null} />
      <Button onClick={onClose} style={{ marginTop: '0.5rem' }}>
        {t('console.checkIn.camera.close')}
      </Button>
    </div>
  );
}
