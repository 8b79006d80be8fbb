import { ValueError, show } from '@strata/tensor';

/** Keras's image data formats: where the channels axis sits. */
export type DataFormat = 'channels_last' | 'channels_first';

/**
 * Keras's `standardize_data_format`: `undefined`/`null` gives the default `'channels_last'`
 * (Keras's `image_data_format()` default), other values are lower-cased and must be one of the
 * two formats.
 *
 * @example
 * normalizeDataFormat(undefined, 'Flatten');        // 'channels_last'
 * normalizeDataFormat('Channels_First', 'Flatten'); // 'channels_first'
 */
export function normalizeDataFormat(dataFormat: unknown, who: string): DataFormat {
  if (dataFormat === undefined || dataFormat === null) return 'channels_last';
  const f = typeof dataFormat === 'string' ? dataFormat.toLowerCase() : dataFormat;
  if (f !== 'channels_last' && f !== 'channels_first') {
    throw new ValueError(`${who}: dataFormat must be 'channels_last' or 'channels_first', received dataFormat=${show(dataFormat)}`);
  }
  return f;
}
