/** Rows of the tables that are not copied from the bundle as they are. */

/** The quote a note keeps, with text around it so it can be found again on the page. */
export interface NoteQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** A user's note. Notes are the user's data: seeding never touches them. */
export interface Note {
  id: string;
  quote: NoteQuote | null;
  url: string | null;
  title: string | null;
  termId: string | null;
  text: string;
  tags: string[];
  createdAt: number;
  updatedAt: number;
}

/** Key-value rows: the seeded bundle's identity. */
export interface MetaRow {
  key: 'bundle';
  hash: string;
  schemaVersion: number;
  /** SEED_FORMAT when seeded: what seeding derives from the bundle (absent before the cards table). */
  format?: number;
  seededAt: number;
  counts: { documents: number; passages: number; terms: number; mentions: number };
  /** How long the seeding transaction took, in milliseconds. */
  durationMs?: number;
}

/** What a caller submits to create a note (the store adds id and times). */
export type NoteInput = Pick<Note, 'quote' | 'url' | 'title' | 'termId' | 'text' | 'tags'> & {
  /** A UUID chosen by the sender, so that a retried save cannot create the note twice. */
  id?: string;
};
