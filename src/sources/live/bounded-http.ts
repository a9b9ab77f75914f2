import http from 'node:http';
import https from 'node:https';
import { mib } from '../../model/limits.js';

type ClientNode = typeof import('@kubernetes/client-node');
type RequestContext = import('@kubernetes/client-node').RequestContext;
type ResponseContext = import('@kubernetes/client-node').ResponseContext;

/** An answer that grew past the limit: reading stopped there and the connection was closed. */
export class AnswerTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`the answer passed ${mib(limit)}`);
    this.name = 'AnswerTooLarge';
  }
}

/**
 * client-node's HTTP layer (1.x: node-fetch's `response.text()`) reads an answer whole, however
 * large: a server or proxy streaming an endless body would fill memory. This one sends the
 * request exactly as client-node prepared it (URL, method, headers with the credentials, body,
 * the TLS agent, the abort signal) and stops reading at `maxBytes`.
 */
export function boundedHttpLibrary(k8s: ClientNode, maxBytes: number) {
  return {
    send(request: RequestContext) {
      return new k8s.Observable(send(k8s, request, maxBytes));
    },
  };
}

function send(k8s: ClientNode, request: RequestContext, maxBytes: number): Promise<ResponseContext> {
  return new Promise((resolve, reject) => {
    const url = new URL(request.getUrl());
    const body = request.getBody() as string | Buffer | undefined;
    const agent = request.getAgent();
    const signal = request.getSignal();
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(
      url,
      { method: request.getHttpMethod().toString(), headers: request.getHeaders(), ...(agent ? { agent } : {}), ...(signal ? { signal } : {}) },
      (res) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > maxBytes) {
            res.destroy();
            req.destroy();
            return reject(new AnswerTooLarge(maxBytes));
          }
          chunks.push(chunk);
        });
        res.on('error', reject);
        res.on('end', () => {
          const data = Buffer.concat(chunks, bytes);
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
          resolve(
            new k8s.ResponseContext(res.statusCode ?? 0, headers, {
              text: () => Promise.resolve(data.toString('utf8')),
              binary: () => Promise.resolve(data),
            }),
          );
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
