// antd's *Props objects (okButtonProps …) have no data-* keys in their types; spreading this adds one.
export const testId = (id: string): Record<string, string> => ({ "data-testid": id });
