import { asArray, asRecord, asString } from '../../values';
import { isSet, quote, type PssCheck, type PssViolation } from '../check';

const ALLOWED_SOURCES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret'];

/** In upstream's order, which decides the type named when a volume sets several. */
const RESTRICTED_SOURCES = [
  'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd', 'flexVolume',
  'cinder', 'cephfs', 'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk',
  'portworxVolume', 'scaleIO', 'storageos',
];

export const restrictedVolumes: PssCheck = {
  id: 'restrictedVolumes',
  level: 'restricted',
  reason: 'restricted volume types',
  title: 'Restricted volume types',
  help: `Besides hostPath, the restricted level limits inline volume sources to ${ALLOWED_SOURCES.map((s) => `\`${s}\``).join(', ')}. A volume without any source is defaulted to \`emptyDir\` by the API server and is allowed. This check replaces the baseline \`hostPathVolumes\` check at restricted level.`,
  versions: [
    {
      minVersion: 0,
      overrides: ['hostPathVolumes'],
      evaluate: (pod) =>
        asArray(pod.spec.volumes).flatMap((entry, index): PssViolation[] => {
          const volume = asRecord(entry);
          if (!volume || ALLOWED_SOURCES.some((source) => isSet(volume[source]))) return [];
          const source = RESTRICTED_SOURCES.find((name) => isSet(volume[name]));
          if (source === undefined) return [];
          return [{
            path: [...pod.specPath, 'volumes', index, source],
            detail: `volume ${quote(asString(volume.name) ?? '')} uses restricted volume type ${quote(source)}`,
          }];
        }),
    },
  ],
};
