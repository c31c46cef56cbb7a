import { toString as qrSvg } from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code of `text` as an inline SVG image (drawn locally: no third-party service sees the codes). */
export function QrImage({ text, label }: { readonly text: string; readonly label: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void qrSvg(text, {
      type: 'svg',
      margin: 1,
      errorCorrectionLevel: 'M',
      color: { dark: '#0f1b2d', light: '#ffffff' },
    }).then((svg) => {
      if (live) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      live = false;
    };
  }, [text]);
  return src ? (
    <img className="qr" src={src} alt={label} width={112} height={112} />
  ) : (
    <span className="qr qr--empty" />
  );
}
