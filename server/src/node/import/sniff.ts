/**
 * What kind of file this really is, from its first bytes: old binary Office
 * files (.doc, .xls) and password-protected Office files are both
 * "compound files", not zips, whatever their name says.
 */
import { ImportError } from './limits';

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

export type FileKind = 'docx' | 'xlsx' | 'csv' | 'tsv';

/** The kind of a file by its name and first bytes; throws ImportError with what to do for anything else. */
export function sniffKind(fileName: string, buffer: Buffer): FileKind {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (buffer.subarray(0, 8).equals(CFB_MAGIC)) {
    // A password-protected .docx/.xlsx is an "EncryptedPackage" inside a compound file.
    if (buffer.includes(Buffer.from('EncryptionInfo', 'utf16le')) || buffer.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
      throw new ImportError(`${fileName} is protected with a password, so eqplan cannot read it. Open it, remove the password (File > Info > Protect Document > Encrypt with Password, and clear it), save it, and import it again.`);
    }
    const app = ext === 'xls' || ext === 'xlsx' ? 'Excel' : 'Word';
    const modern = app === 'Excel' ? '.xlsx' : '.docx';
    throw new ImportError(`${fileName} is an old-style ${app} 97-2003 file (.${ext === 'xls' || ext === 'doc' ? ext : app === 'Excel' ? 'xls' : 'doc'}), which eqplan cannot read. Open it in ${app} and use Save As to save it as ${modern}, then import that.`);
  }
  const isZip = buffer.subarray(0, 4).equals(ZIP_MAGIC) || buffer.subarray(0, 4).equals(EMPTY_ZIP_MAGIC);
  if (ext === 'docx' || ext === 'xlsx' || ext === 'docm' || ext === 'xlsm') {
    if (!isZip) throw new ImportError(`${fileName} is not a real ${ext.startsWith('doc') ? 'Word' : 'Excel'} file (it does not start like one). It may be damaged or renamed; open it and save it again.`);
    return ext.startsWith('doc') ? 'docx' : 'xlsx';
  }
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') {
    if (isZip) throw new ImportError(`${fileName} is named as a text table but is a zip (perhaps an Excel or Word file renamed). Give it its real name, .xlsx or .docx.`);
    return ext === 'tsv' || ext === 'txt' ? 'tsv' : 'csv';
  }
  if (ext === 'doc' || ext === 'xls' || ext === 'rtf' || ext === 'odt' || ext === 'ods' || ext === 'pdf') {
    throw new ImportError(`eqplan cannot read .${ext} files. Open ${fileName} and save it as a Word document (.docx) or an Excel workbook (.xlsx), then import that.`);
  }
  throw new ImportError(`eqplan imports Word (.docx), Excel (.xlsx) and CSV or TSV files, and ${fileName} is none of these. Save the plan in one of those forms and import that.`);
}
