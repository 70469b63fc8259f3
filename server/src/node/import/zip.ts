/**
 * Opening a .docx or .xlsx (a zip of XML parts) without trusting it: the
 * parts are unzipped as streams and counted, so a zip bomb stops at the cap
 * instead of filling memory, and any part with a DOCTYPE (which Word and
 * Excel never write, and which is how XML entity attacks start) is refused
 * before an XML parser sees it.
 */
import JSZip from 'jszip';
import { ImportError, MAX_PART_BYTES, MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES, megabytes } from './limits';

export interface OpenedZip {
  zip: JSZip;
  /** Reads one part as UTF-8 text (counted against the caps); undefined when the part is not there. */
  text(name: string): Promise<string | undefined>;
  names(): string[];
}

/** Opens a zip held in memory. `kind` names the file in messages ("Word file"). */
export async function openZip(buffer: Buffer, fileName: string, kind: string): Promise<OpenedZip> {
  let zip: JSZip;
  try {
    // loadAsync reads the zip's table of contents only; nothing is unzipped here.
    zip = await JSZip.loadAsync(buffer, { checkCRC32: false });
  } catch {
    throw new ImportError(`${fileName} is damaged or is not really a ${kind}: it could not be opened as one. Open it in ${kind.startsWith('Word') ? 'Word' : 'Excel'} and save it again.`);
  }
  const names = Object.keys(zip.files);
  if (names.length > MAX_ZIP_ENTRIES) throw new ImportError(`${fileName} holds ${names.length} parts, more than any ${kind} eqplan can import (${MAX_ZIP_ENTRIES}). Check that it is the right file.`);
  let total = 0;
  const text = async (name: string): Promise<string | undefined> => {
    const entry = zip.file(name);
    if (!entry) return undefined;
    const chunks: Buffer[] = [];
    let size = 0;
    await new Promise<void>((resolve, reject) => {
      const stream = entry.nodeStream('nodebuffer');
      stream
        .on('data', (chunk: Buffer) => {
          size += chunk.length;
          total += chunk.length;
          if (size > MAX_PART_BYTES || total > MAX_UNZIPPED_BYTES) {
            stream.pause();
            reject(
              new ImportError(
                `${fileName} unpacks to more than ${megabytes(size > MAX_PART_BYTES ? MAX_PART_BYTES : MAX_UNZIPPED_BYTES)}, far more than a plan table needs, so eqplan stopped reading it. It may be damaged or built to overload programs (a "zip bomb"). Nothing was written.`,
              ),
            );
            return;
          }
          chunks.push(chunk);
        })
        .on('error', () => reject(new ImportError(`${fileName} is damaged: part of it could not be unpacked. Open it and save it again.`)))
        .on('end', () => resolve());
    });
    const xml = Buffer.concat(chunks).toString('utf8');
    if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
      throw new ImportError(`${fileName} contains an XML document type declaration (DOCTYPE), which ${kind.startsWith('Word') ? 'Word' : 'Excel'} never writes and which can be used to attack programs that read it. eqplan does not read such files. Open it and save it again.`);
    }
    return xml;
  };
  return { zip, text, names: () => names };
}

/**
 * Reads every XML part of the zip through the caps and the DOCTYPE check,
 * even those a reader does not use, so a workbook is refused alike whichever
 * part carries the DOCTYPE.
 */
export async function vetAllParts(opened: OpenedZip): Promise<void> {
  for (const name of opened.names()) {
    if (/\.(xml|rels|vml)$/i.test(name)) await opened.text(name);
  }
}
