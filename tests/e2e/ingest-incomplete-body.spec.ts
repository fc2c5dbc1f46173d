// A client that declares a huge body and sends only a few bytes must still get its answer from
// the key check and the size limit: the server may not wait for a body it will refuse anyway.
// Raw sockets, because fetch would not send a Content-Length it cannot honour.
import net from "node:net";
import { expect, test } from "@playwright/test";

const DEMO_KEY = "demo-ingest-key-0001";
/** Far longer than an answer takes, far shorter than waiting for 99,999,999 bytes that never come. */
const ANSWER_WITHIN_MS = 5_000;

/** Sends the request head and `body`, keeps the socket open, and resolves with the status code. */
function statusOfIncompleteRequest(baseURL: string, headers: Record<string, string>, body: string): Promise<number> {
  const url = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port) });
    let received = "";
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${ANSWER_WITHIN_MS} ms (received: ${JSON.stringify(received.slice(0, 200))})`));
    }, ANSWER_WITHIN_MS);
    socket.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on("data", (chunk: Buffer) => {
      received += chunk.toString("latin1");
      const statusLine = /^HTTP\/1\.1 (\d{3}) /.exec(received);
      if (statusLine && received.includes("\r\n\r\n")) {
        clearTimeout(timer);
        socket.destroy();
        resolve(Number(statusLine[1]));
      }
    });
    socket.once("connect", () => {
      const head = [`POST /api/v1/alerts HTTP/1.1`, `Host: ${url.host}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
      socket.write(`${head.join("\r\n")}\r\n\r\n${body}`);
    });
  });
}

const incomplete = { "Content-Type": "application/json", "Content-Length": "99999999" };

test("an incomplete body without a key is answered 401 at once", async ({ baseURL }) => {
  expect(await statusOfIncompleteRequest(baseURL!, incomplete, '{"alerts":')).toBe(401);
});

test("an incomplete body declared larger than the limit is answered 413 at once", async ({ baseURL }) => {
  expect(await statusOfIncompleteRequest(baseURL!, { ...incomplete, Authorization: `Bearer ${DEMO_KEY}` }, '{"alerts":')).toBe(413);
});
