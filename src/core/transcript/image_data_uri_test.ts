import assert from "node:assert/strict";
import { imageDataUri } from "./image_data_uri.ts";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

Deno.test("imageDataUri() types a file by its magic bytes", () => {
  assert.equal(imageDataUri(PNG), `data:image/png;base64,${btoa(String.fromCharCode(...PNG))}`);
  assert.match(imageDataUri(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])) ?? "", /^data:image\/jpeg;/);
  assert.match(imageDataUri(new TextEncoder().encode("GIF89a....")) ?? "", /^data:image\/gif;/);
  assert.match(
    imageDataUri(new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 ")) ?? "",
    /^data:image\/webp;/,
  );
});

Deno.test("imageDataUri() refuses SVG, HTML and unknown bytes", () => {
  assert.equal(imageDataUri(new TextEncoder().encode("<svg onload=alert(1)>")), null);
  assert.equal(imageDataUri(new TextEncoder().encode("<!DOCTYPE html>")), null);
  assert.equal(imageDataUri(new Uint8Array()), null);
});

Deno.test("imageDataUri() encodes files larger than one encoding chunk", () => {
  const big = new Uint8Array(100_000);
  big.set(PNG);
  const uri = imageDataUri(big) ?? "";
  const decoded = Uint8Array.from(atob(uri.split(",")[1] ?? ""), (c) => c.charCodeAt(0));
  assert.deepEqual(decoded, big);
});
