import type { Manifest } from './kubernetes.js';

/** Kubernetes manifests of a small shop (an API, a worker, Postgres), as a person would keep them. */
export const SHOP_MANIFESTS: Manifest[] = [
  {
    source: 'k8s/api.yaml',
    text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop-api
spec:
  replicas: 2
  selector:
    matchLabels: { app: shop-api }
  template:
    metadata:
      labels: { app: shop-api }
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/shop-api:1.4.2
          ports:
            - name: http
              containerPort: 8080
          env:
            - name: DATABASE_URL
              value: postgres://shop@db:5432/shop
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef: { name: shop-db, key: password }
            - name: LOG_LEVEL
              valueFrom:
                configMapKeyRef: { name: shop-config, key: logLevel }
          resources:
            limits: { memory: 256Mi, cpu: 500m }
          readinessProbe:
            exec:
              command: ["/app/healthcheck"]
            periodSeconds: 5
---
apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  selector: { app: shop-api }
  ports:
    - port: 8080
      targetPort: http
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: shop-config
data:
  logLevel: info
`,
  },
  {
    source: 'k8s/db.yaml',
    text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: db
spec:
  selector:
    matchLabels: { app: db }
  template:
    metadata:
      labels: { app: db }
    spec:
      containers:
        - name: postgres
          image: postgres:16
          env:
            - name: POSTGRES_USER
              value: shop
            - name: POSTGRES_PASSWORD
              valueFrom:
                secretKeyRef: { name: shop-db, key: password }
          volumeMounts:
            - name: data
              mountPath: /var/lib/postgresql/data
      volumes:
        - name: data
          persistentVolumeClaim: { claimName: db-data }
---
apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  selector: { app: db }
  ports:
    - port: 5432
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
spec:
  replicas: 3
  selector:
    matchLabels: { app: worker }
  template:
    metadata:
      labels: { app: worker }
    spec:
      containers:
        - name: worker
          image: ghcr.io/acme/shop-worker:1.4.2
          args: ["--queue", "orders"]
          env:
            - name: API_URL
              value: http://api:8080
`,
  },
];
