// TLS material for the emulator, generated at start with a maintained library (no openssl at run time): a test
// CA, a server certificate for localhost/127.0.0.1 and a client certificate for mTLS, all signed by the CA.
import { generate } from 'selfsigned';

export interface EmulatorCertificates {
  ca: string;
  server: { cert: string; key: string };
  client: { cert: string; key: string };
}

const DAY = 86_400_000;

export async function generateCertificates(host: string, now = new Date()): Promise<EmulatorCertificates> {
  const validity = {
    notBeforeDate: new Date(now.getTime() - DAY),
    notAfterDate: new Date(now.getTime() + 30 * DAY),
  };
  const common = { keyType: 'ec' as const, algorithm: 'sha256' as const, ...validity };
  const ca = await generate([{ name: 'commonName', value: 'mes-referencing emulator test CA' }], {
    ...common,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const signer = { key: ca.private, cert: ca.cert };
  type AltName = { type: 2; value: string } | { type: 7; ip: string };
  const altNames: AltName[] = [
    { type: 2, value: 'localhost' },
    { type: 7, ip: '127.0.0.1' },
  ];
  if (host !== '127.0.0.1' && host !== 'localhost')
    altNames.push(/^[\d.]+$/.test(host) ? { type: 7, ip: host } : { type: 2, value: host });
  const server = await generate([{ name: 'commonName', value: 'localhost' }], {
    ...common,
    ca: signer,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  });
  const client = await generate([{ name: 'commonName', value: 'mes-referencing test client' }], {
    ...common,
    ca: signer,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true },
      { name: 'extKeyUsage', clientAuth: true },
    ],
  });
  return {
    ca: ca.cert,
    server: { cert: server.cert, key: server.private },
    client: { cert: client.cert, key: client.private },
  };
}
