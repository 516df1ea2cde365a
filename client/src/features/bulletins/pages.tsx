// The bulletin pages, loaded when first opened: the bulletin view brings the charting library along,
// which the rest of the client does not need.
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from "react";
import { Skeleton } from "antd";

function page(load: () => Promise<ComponentType>): ComponentType {
  const Lazy: LazyExoticComponent<ComponentType> = lazy(async () => ({ default: await load() }));
  return function BulletinPage() {
    return (
      <Suspense fallback={<Skeleton active />}>
        <Lazy />
      </Suspense>
    );
  };
}

export const BulletinsRoute = page(async () => (await import("./components/BulletinsPage.tsx")).BulletinsPage);
export const BulletinViewRoute = page(async () => (await import("./components/BulletinViewPage.tsx")).BulletinViewPage);
export const DeliveriesRoute = page(async () => (await import("./components/DeliveriesPage.tsx")).DeliveriesPage);
export const DepartmentBulletinsRoute = page(async () => (await import("./components/DepartmentBulletinsPage.tsx")).DepartmentBulletinsPage);
