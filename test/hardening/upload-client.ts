import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

export interface UploadResult {
  status: number;
  files: { status: string; file?: string; message?: string }[];
}

/**
 * Uploads documents to a running server the way the explorer's Documents panel does: the CSRF
 * token from GET /api/uploads sent back in its header, from the server's own origin.
 */
export class UploadClient {
  private token: string | null = null;

  constructor(private readonly origin: string) {}

  private async csrf(): Promise<string> {
    if (this.token) return this.token;
    const res = await fetch(`${this.origin}/api/uploads`);
    const body = (await res.json()) as { enabled: boolean; csrfToken?: string };
    if (!body.enabled || !body.csrfToken) throw new Error(`uploads are not enabled on ${this.origin}`);
    this.token = body.csrfToken;
    return this.token;
  }

  async upload(path: string): Promise<UploadResult> {
    const res = await fetch(`${this.origin}/api/admin/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': await this.csrf(), origin: this.origin, 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ name: basename(path), content: readFileSync(path).toString('base64') }),
    });
    const body = (await res.json()) as { files?: UploadResult['files']; error?: { message: string } };
    return { status: res.status, files: body.files ?? [{ status: 'failed', message: body.error?.message ?? 'no answer' }] };
  }
}
