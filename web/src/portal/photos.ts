/**
 * Phone photos are 3–10 MB; shrunk to 1600 px JPEG they are a few hundred KB, upload on a weak signal,
 * and lose their location metadata on the way.
 */
export const MAX_PHOTOS = 9;
export const MAX_BYTES = 5 * 1024 * 1024;
const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp'];
const EDGE = 1600;

export async function preparePhoto(file: File): Promise<Blob> {
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, EDGE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    if (blob && (blob.size < file.size || !ACCEPTED.includes(file.type))) return blob;
  } catch {
    // Not decodable here: send the original if the server will take it.
  }
  if (ACCEPTED.includes(file.type) && file.size <= MAX_BYTES) return file;
  throw new Error(file.name);
}
