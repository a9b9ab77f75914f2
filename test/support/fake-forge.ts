import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ForgeRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/**
 * Stands in for the GitHub REST API (POST /repos/{owner}/{repo}/pulls) and the GitLab API
 * (POST /api/v4/projects/{id}/merge_requests): it checks each request's method, path, headers and
 * body as those APIs document them, and answers as they do (201 with the created object, 401
 * without the right token, 422 for a missing field).
 */
export class FakeForge {
  readonly requests: ForgeRequest[] = [];
  private server: Server | undefined;
  url = '';

  constructor(readonly token: string) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        let body: unknown;
        try {
          body = raw ? JSON.parse(raw) : undefined;
        } catch {
          body = raw;
        }
        const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
        this.requests.push(request);
        const send = (code: number, payload: unknown) => {
          res.writeHead(code, { 'content-type': 'application/json' });
          res.end(JSON.stringify(payload));
        };
        const github = /^\/repos\/([^/]+)\/([^/]+)\/pulls$/.exec(request.path);
        if (github && request.method === 'POST') {
          if (req.headers.authorization !== `token ${this.token}` && req.headers.authorization !== `Bearer ${this.token}`)
            return send(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
          const b = body as Record<string, unknown>;
          const missing = ['title', 'head', 'base'].filter((field) => typeof b?.[field] !== 'string' || b[field] === '');
          if (missing.length || !String(req.headers.accept ?? '').includes('application/vnd.github'))
            return send(422, { message: 'Validation Failed', errors: missing.map((field) => ({ resource: 'PullRequest', field, code: 'missing_field' })) });
          return send(201, {
            number: 42,
            html_url: `https://github.example/${github[1]}/${github[2]}/pull/42`,
            state: 'open',
            title: b.title,
            head: { ref: b.head },
            base: { ref: b.base },
          });
        }
        const gitlab = /^\/api\/v4\/projects\/([^/]+)\/merge_requests$/.exec(request.path);
        if (gitlab && request.method === 'POST') {
          if (req.headers['private-token'] !== this.token) return send(401, { message: '401 Unauthorized' });
          const b = body as Record<string, unknown>;
          const missing = ['source_branch', 'target_branch', 'title'].filter((field) => typeof b?.[field] !== 'string');
          if (missing.length || !String(req.headers['content-type']).startsWith('application/json'))
            return send(400, { message: `${missing.join(', ')} is missing` });
          return send(201, {
            iid: 7,
            web_url: `https://gitlab.example/${decodeURIComponent(gitlab[1]!)}/-/merge_requests/7`,
            source_branch: b.source_branch,
            target_branch: b.target_branch,
          });
        }
        send(404, { message: 'Not Found' });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
