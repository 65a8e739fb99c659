import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { createImageResolver } from '../clients/images.js';
import { defineAction, previewOf, previewWithImages } from './action.js';

const copy = defineAction({
  id: 'test.image.copy',
  title: 'Copy an image',
  risk: 'write',
  input: z.object({ from: z.string(), to: z.string() }),
  preview: (i, view) => `copy ${view.images.resolve(i.from)} ${view.images.resolve(i.from)} ${view.images.resolve(i.to)}`,
  run: async () => ({}),
});

describe('previews under the image settings', () => {
  const images = createImageResolver({ nginx: 'mirror/nginx:1.27' });

  it('name the mapped image and record each mapping once', () => {
    expect(previewWithImages(copy, { from: 'nginx:1.27', to: 'redis:7' }, images)).toEqual({
      command: 'copy mirror/nginx:1.27 mirror/nginx:1.27 redis:7',
      images: [{ asked: 'nginx:1.27', runs: 'mirror/nginx:1.27' }],
    });
  });

  it('are the images as asked when no settings are given, or none apply', () => {
    expect(previewOf(copy, { from: 'nginx:1.27', to: 'redis:7' })).toBe('copy nginx:1.27 nginx:1.27 redis:7');
    expect(previewWithImages(copy, { from: 'redis:7', to: 'redis:7' }, images)).toEqual({ command: 'copy redis:7 redis:7 redis:7', images: [] });
  });

  it('fall back to the action id, with no mappings, when the input cannot be previewed', () => {
    expect(previewWithImages(copy, null as never, images)).toEqual({ command: 'test.image.copy', images: [] });
  });
});
